import Document, { Head, Html, Main, NextScript, type DocumentContext } from 'next/document';
import { themeFromCookieHeader, type Theme } from '@/components/ui/theme';
import { BODY_CLASS } from '@/components/site/site-header';

export default class ThreadlightDocument extends Document<{ theme: Theme }> {
  static async getInitialProps(ctx: DocumentContext) {
    const initial = await Document.getInitialProps(ctx);
    return { ...initial, theme: themeFromCookieHeader(ctx.req?.headers.cookie) };
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
