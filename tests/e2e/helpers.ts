import { test, type Page } from '@playwright/test';
import type { E2eMetadata } from '../../playwright.config';

/** The seed's thread page (the lkml sample list holds only the seed). */
export async function openSeed(page: Page, query = ''): Promise<string> {
  await page.goto('/lkml/');
  const href = await page.getByRole('link', { name: /Clang patch stacks/ }).getAttribute('href');
  await gotoEnhanced(page, href + query);
  return href!;
}

/** Opens a thread page and waits until its client enhancer listens (keys, line links). */
export async function gotoEnhanced(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-enhanced]').waitFor({ state: 'attached' });
}

export const SPARSE_ROOT = 'ec277c12-c608-6326-7723-be8cab4f524a@rasmusvillemoes.dk';
export const sparseThread = (query = '') =>
  `/linux-sparse/${encodeURIComponent(SPARSE_ROOT)}/${query}`;

/** The store (THREADLIGHT_DB) behind this project's server: a SQLite path or a PostgreSQL URL. */
export function e2eStore(): string {
  return (test.info().project.metadata as E2eMetadata).db;
}

/** A second app server on the same store (the postgres project), else null. */
export function secondOrigin(): string | null {
  return (test.info().project.metadata as E2eMetadata).secondOrigin ?? null;
}
