import { defineMiddleware } from 'astro:middleware';
import { frenchTypography } from '../../typography/french.mjs';

/**
 * French typography on every HTML page, site and print pages alike, in `astro dev` and in the build:
 * one place, so the PDFs (printed from the print pages) and the site never differ.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const type = response.headers.get('content-type') ?? '';
  if (type && !type.includes('text/html')) return response;
  const html = await response.text();
  return new Response(frenchTypography(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
