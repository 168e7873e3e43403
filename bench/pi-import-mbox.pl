#!/usr/bin/perl -w
# Import an mboxrd file into an existing public-inbox (v1 or v2) named NAME
# in $PI_CONFIG.  public-inbox 1.9.0 ships no mbox importer binary; this is
# the same approach as upstream scripts/import_vger_from_mbox: V2Writable->add
# per message (writes git via fast-import AND updates over.sqlite3, msgmap and
# the Xapian shards in the same pass, exactly like -mda/-watch do).
# usage: PI_CONFIG=... pi-import-mbox.pl NAME MBOX
# (A copy of the team's shared anchor tool, so that npm run bench needs nothing outside the repo.)
use v5.10.1; use strict;
use PublicInbox::Config; use PublicInbox::InboxWritable; use PublicInbox::MboxReader;
my ($name, $mbox) = @ARGV;
die "usage: $0 NAME MBOX\n" unless defined $mbox;
my $cfg = PublicInbox::Config->new;
my $ibx = $cfg->lookup_name($name) or die "inbox $name not in config\n";
$ibx = PublicInbox::InboxWritable->new($ibx);
my $im = $ibx->importer(1); # parallel shard workers
open my $fh, '<', $mbox or die "open $mbox: $!\n";
my ($n, $dup) = (0, 0);
PublicInbox::MboxReader->mboxrd($fh, sub { $im->add($_[0]) ? $n++ : $dup++ });
$im->done;
print STDERR "pi-import-mbox: imported $n messages ($dup duplicates/skipped)\n";
