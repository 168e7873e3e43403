import Link from 'next/link';
import { getStore } from '@/lib/store/server-db';
import { listPath } from '@/lib/urls';
import { formatDate } from '@/lib/loaders/format';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const lists = await (await getStore()).getLists();
  return (
    <>
      <h1 className="mb-3 text-xl font-semibold">Lists</h1>
      {lists.length === 0 ? (
        <p>
          No lists yet. Import mail with <code>npx threadlight import FILE --list NAME</code>.
        </p>
      ) : (
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-border text-muted">
              <th className="py-1 pr-3 font-medium">List</th>
              <th className="py-1 pr-3 font-medium">Messages</th>
              <th className="py-1 pr-3 font-medium">Threads</th>
              <th className="py-1 font-medium">Latest</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.name} className="border-b border-border">
                <td className="py-1 pr-3">
                  <Link href={listPath(l.name)}>{l.name}</Link>
                </td>
                <td className="py-1 pr-3 tabular-nums">{l.messages}</td>
                <td className="py-1 pr-3 tabular-nums">{l.threads}</td>
                <td className="py-1 tabular-nums">{formatDate(l.lastDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
