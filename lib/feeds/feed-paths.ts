import { listPath, messagePath } from '../urls';

/** The list's Atom feed of newest threads, like lore's `/<list>/new.atom`. */
export const listFeedPath = (list: string) => `${listPath(list)}new.atom`;

/** A thread's Atom feed of newest replies, like lore's `/<list>/<id>/t.atom`. */
export const threadFeedPath = (list: string, messageId: string) =>
  `${messagePath(list, messageId)}t.atom`;

/** The whole list as one gzipped mboxrd. */
export const listMboxPath = (list: string) => `${listPath(list)}all.mbox.gz`;
