import { importUpload } from '@/lib/upload/import-upload';
import { createBudget, createRateLimiter, uploadClientKey } from '@/lib/upload/rate-limit';
import { readUploadForm } from '@/lib/upload/read-upload-form';
import { threadPagePath } from '@/lib/urls';
import { messageAnchor } from '@/lib/anchors';
import {
  UPLOADS_PER_CLIENT_PER_MINUTE,
  UPLOADS_PER_MINUTE,
  UPLOAD_BYTES_PER_MINUTE,
} from '@/lib/limits';
import { UPLOAD_LIST } from '@/lib/upload/import-upload';
import { redirectTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

const MINUTE = 60_000;
const perClient = createRateLimiter(UPLOADS_PER_CLIENT_PER_MINUTE, MINUTE);
const uploads = createBudget(UPLOADS_PER_MINUTE, MINUTE);
const uploadedBytes = createBudget(UPLOAD_BYTES_PER_MINUTE, MINUTE);

function back(error: string): Response {
  return redirectTo(`/upload?error=${encodeURIComponent(error)}`, 303);
}

/** Import the form's file or pasted text, then land on the message's permalink (303). */
export async function POST(request: Request) {
  const trustProxy = process.env.THREADLIGHT_TRUST_PROXY === '1';
  if (!perClient(uploadClientKey(request.headers, trustProxy))) {
    return back('too many uploads; wait a minute and try again');
  }
  if (!uploads(1))
    return back('the server is taking too many uploads; wait a minute and try again');
  const read = await readUploadForm(request);
  if (!read.ok) return back(read.error);
  if (!uploadedBytes(read.bytes)) {
    return back('the server is taking too much uploaded mail; wait a minute and try again');
  }
  const { form } = read;
  const file = form.get('file');
  const text = form.get('text');
  let data: Buffer;
  let name: string;
  if (file instanceof File && file.size > 0) {
    data = Buffer.from(await file.arrayBuffer());
    name = `upload:${file.name.slice(0, 200)}`;
  } else if (typeof text === 'string' && text.trim() !== '') {
    data = Buffer.from(text.replace(/\r\n/g, '\n'), 'utf8');
    name = 'upload:pasted';
  } else {
    return back('choose a file or paste a message');
  }
  const result = await importUpload(data, name);
  if (!result.ok) return back(result.error);
  const target = `${threadPagePath(UPLOAD_LIST, result.messageId, result.dupIndex)}#${messageAnchor(result.messageId, result.dupIndex)}`;
  return redirectTo(target, 303);
}
