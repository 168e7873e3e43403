import type { AppProps } from 'next/app';
import Head from 'next/head';
import '../app/globals.css';

/**
 * The Pages Router serves one page, the thread page, because it can render React to
 * HTML without shipping React: App Router pages always hydrate, and its runtime alone
 * outweighs the thread page's whole JavaScript budget (docs/design.md).
 */
export default function ThreadlightApp({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" key="viewport" />
        <meta
          name="description"
          content="Mailing-list threads, readable: quotes, code, logs and permalinks."
        />
      </Head>
      <Component {...pageProps} />
    </>
  );
}
