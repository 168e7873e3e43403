import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Not found</h1>
      <p>
        No list or message is stored under this address. <Link href="/">All lists</Link>
      </p>
    </>
  );
}
