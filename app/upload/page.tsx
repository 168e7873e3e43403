import type { Metadata } from 'next';
import { MAX_UPLOAD_BYTES } from '@/lib/limits';
import { DropZone } from '@/components/upload/drop-zone';

export const metadata: Metadata = { title: 'Upload' };

type Props = { searchParams: Promise<{ error?: string }> };

/** Upload a file or paste a message; a plain form, so it works without JavaScript. */
export default async function UploadPage({ searchParams }: Props) {
  const { error } = await searchParams;
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Upload mail</h1>
      <p className="mb-3 text-sm text-muted">
        Drop or choose an .mbox, .mbox.gz or .eml file, or paste a raw message or archive page (like
        an lkml.iu.edu page), up to {Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB. It goes into
        the <code>uploads</code> list and opens at its own permalink.
      </p>
      {error && (
        <p role="alert" className="mb-3 rounded border border-border bg-bg-soft px-3 py-2">
          {error.slice(0, 500)}
        </p>
      )}
      <form
        action="/upload/submit"
        method="post"
        encType="multipart/form-data"
        className="space-y-3"
      >
        <DropZone inputId="file">
          <label htmlFor="file" className="block font-medium">
            File
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".mbox,.eml,.gz,.txt,message/rfc822,application/mbox"
          />
        </DropZone>
        <div>
          <label htmlFor="text" className="block font-medium">
            Or paste a message
          </label>
          <textarea
            id="text"
            name="text"
            rows={12}
            className="w-full rounded border border-border bg-bg p-2 font-mono text-sm"
          />
        </div>
        <button type="submit" className="rounded border border-border bg-bg-soft px-3 py-1">
          Import
        </button>
      </form>
    </>
  );
}
