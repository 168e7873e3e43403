import Document, { Head, Html, Main, NextScript, type DocumentContext } from 'next/document';
import { parseTheme, type Theme } from '@/components/ui/theme';
import { BODY_CLASS } from '@/components/site/site-header';

/** The theme cookie, read from the request (absent when a page is prerendered). */
function themeOf(cookieHeader: string | undefined): Theme {
  const m = /(?:^|;\s*)theme=([^;]*)/.exec(cookieHeader ?? '');
  return parseTheme(m?.[1]);
}

export default class ThreadlightDocument extends Document<{ theme: Theme }> {
  static async getInitialProps(ctx: DocumentContext) {
    const initial = await Document.getInitialProps(ctx);
    return { ...initial, theme: themeOf(ctx.req?.headers.cookie) };
  }

  render() {
    const { theme } = this.props;
    return (
      <Html lang="en" {...(theme !== 'system' ? { 'data-theme': theme } : {})}>
        <Head />
        <body className={BODY_CLASS}>
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
