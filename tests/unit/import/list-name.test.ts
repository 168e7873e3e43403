import { describe, expect, it } from 'vitest';
import { defaultListName } from '@/lib/import/list-name';

describe('defaultListName', () => {
  it('takes a file name without its mail extensions', () => {
    expect(defaultListName('/home/me/mail/Linux-Sparse.mbox.gz')).toBe('linux-sparse');
    expect(defaultListName('one.eml')).toBe('one');
  });

  it('names a lore epoch clone after its list, not its epoch number', () => {
    expect(defaultListName('/srv/lore/linux-sparse/0.git')).toBe('linux-sparse');
    expect(defaultListName('/srv/lore/linux-sparse/git/1.git')).toBe('linux-sparse');
    expect(defaultListName('/srv/lore/linux-sparse/git/1.git/')).toBe('linux-sparse');
    expect(defaultListName('/srv/mirrors/sparse.git')).toBe('sparse');
  });
});
