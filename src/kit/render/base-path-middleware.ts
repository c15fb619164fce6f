import { defineMiddleware } from 'astro:middleware';
import { htmlUnderBase } from '../../site-address.ts';

/**
 * Every HTML page's root-relative addresses under the site's base path (`/kit-qpv/` when the site is
 * published under a path; nothing to do at the root of a domain): pages and content are written from the
 * site's root, and follow wherever the site is published. Print pages alike: the PDFs' links too.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  const base = import.meta.env.BASE_URL;
  const type = response.headers.get('content-type') ?? '';
  if (base === '/' || (type && !type.includes('text/html'))) return response;
  const html = await response.text();
  return new Response(htmlUnderBase(html, base), { status: response.status, statusText: response.statusText, headers: response.headers });
});
