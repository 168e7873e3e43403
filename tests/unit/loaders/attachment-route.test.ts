/**
 * `/<list>/<message-id>/attachment/<n>`: the route handler itself, with Next's request
 * headers stood in for (the raw path proxy.ts records), over a temp database holding a
 * real patch attachment and the hostile file names.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { PATH_HEADER } from '@/lib/route-path-header';
import { BACKENDS } from '../../support/backends';
import { closeServerStore, freshServerStore } from '../../support/server-store';

const request = vi.hoisted(() => ({ path: '' }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ [PATH_HEADER]: request.path }),
}));

const { importStream } = await import('@/lib/import/import-stream');
const { readSources } = await import('@/lib/import/read-sources');
const { attachmentPath } = await import('@/lib/urls');
const { loadAttachmentText } = await import('@/lib/loaders/load-attachment');
const { GET } = await import('@/app/[list]/[msgid]/attachment/[n]/route');

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const LINUS = 'CAHk-=wheEHQxdSJgTkt7y4yFjzhWxMxE-p7dKLtQSBs4ceHLmw@mail.gmail.com';
const HOSTILE = 'xss-filenames@hostile.example';

/** GET a path through the handler, as Next would route it. */
async function get(url: string): Promise<Response> {
  const u = new URL(url, 'http://localhost');
  request.path = u.pathname;
  const [list = '', msgid = '', , n = ''] = u.pathname.split('/').filter(Boolean);
  return GET(new Request(u), { params: Promise.resolve({ list, msgid, n }) });
}

afterAll(closeServerStore);

describe.each(BACKENDS)('attachments (%s)', (backend) => {
  beforeAll(async () => {
    const store = await freshServerStore(backend);
    const e2e = path.join(FIXTURES, 'e2e/attachments');
    await importStream(store, 'attachments', readSources([e2e]));
    await importStream(
      store,
      'hostile',
      readSources([path.join(FIXTURES, 'hostile/xss-headers.mbox')]),
    );
  });

  describe('the attachment route', () => {
    it('serves a text attachment as UTF-8 plain text, inline, never sniffed', async () => {
      const res = await get(attachmentPath('attachments', LINUS, 1));
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('Content-Disposition')).toBe('inline; filename="patch.diff"');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      // A stored message's files never change: a CDN may keep them.
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=86400, s-maxage=604800');
      const text = await res.text();
      expect(text.startsWith(' fs/vboxsf/super.c | 12 ++----------\n')).toBe(true);
      expect(text).toContain('+\tif (data && !memcmp(data, VBSF_MOUNT_SIGNATURE, 4)) {\n');
    });

    it('answers 404 for a binary attachment, a number out of range, or a bad number', async () => {
      // xss-filenames: 1 text/plain, 2 text/html (text: its source), 3 image/svg+xml (binary).
      expect((await get(attachmentPath('hostile', HOSTILE, 3))).status).toBe(404);
      for (const n of ['0', '2', '01', '-1', '1e0', 'x', '9999999']) {
        const res = await get(`${attachmentPath('attachments', LINUS, 1).replace(/1$/, n)}`);
        expect(res.status, n).toBe(404);
        expect(res.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
        // It may be imported later: a 404 is never kept.
        expect(res.headers.get('Cache-Control')).toBeNull();
      }
      expect((await get(attachmentPath('attachments', 'no-such@id', 1))).status).toBe(404);
      expect((await get(attachmentPath('attachments', LINUS, 1, 1))).status).toBe(404); // no dup 1
    });

    it('names hostile files safely and shows HTML attachments as their source', async () => {
      const txt = await get(attachmentPath('hostile', HOSTILE, 1));
      expect(txt.headers.get('Content-Disposition')).toBe(
        'inline; filename="_img_src_x_onerror_alert_1__.txt"',
      );
      expect(await txt.text()).toBe('plain attachment');
      const html = await get(attachmentPath('hostile', HOSTILE, 2));
      expect(html.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
      expect(html.headers.get('Content-Disposition')).toBe(
        'inline; filename="_script_alert_1___script_.html"',
      );
      expect(await html.text()).toContain("<script>alert('attachment')</script>");
    });
  });

  describe('loadAttachmentText', () => {
    it('gives the text and name of a text attachment, null for anything else', async () => {
      expect(await loadAttachmentText('attachments', LINUS, 0, 1)).toMatchObject({
        filename: 'patch.diff',
        text: expect.stringContaining('diff --git a/fs/vboxsf/super.c b/fs/vboxsf/super.c\n'),
      });
      expect(await loadAttachmentText('attachments', LINUS, 0, 2)).toBeNull();
      expect(await loadAttachmentText('attachments', LINUS, 0, 0)).toBeNull();
      expect(await loadAttachmentText('hostile', HOSTILE, 0, 3)).toBeNull();
      expect(await loadAttachmentText('nope', LINUS, 0, 1)).toBeNull();
    });
  });
});
