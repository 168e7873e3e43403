import { importUpload } from '@/lib/upload/import-upload';
import { createRateLimiter } from '@/lib/upload/rate-limit';
import { messagePath } from '@/lib/urls';
import { messageAnchor } from '@/lib/anchors';
import { MAX_UPLOAD_BYTES } from '@/lib/limits';
import { UPLOAD_LIST } from '@/lib/upload/import-upload';
import { redirectTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Ten uploads a minute per client address. */
const allow = createRateLimiter(10, 60_000);

function back(error: string): Response {
  return redirectTo(`/upload?error=${encodeURIComponent(error)}`, 303);
}

/** Import the form's file or pasted text, then land on the message's permalink (303). */
export async function POST(request: Request) {
  const client = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
  if (!allow(client)) return back('too many uploads; wait a minute and try again');
  const length = Number(request.headers.get('content-length') || 0);
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) {
    return back(`the upload is larger than the ${MAX_UPLOAD_BYTES} byte limit`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back('the form could not be read');
  }
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
  const target = `${messagePath(UPLOAD_LIST, result.messageId)}#${messageAnchor(result.messageId)}`;
  return redirectTo(target, 303);
}
