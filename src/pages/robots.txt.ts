import type { APIContext } from 'astro';
import { robotsTxt } from '../kit/output/sitemap.ts';

/** `/robots.txt` of the public site (the AMOs' space writes its own, which keeps every robot out). */
export function GET({ site }: APIContext): Response {
  // Typed as plain text: the typography middleware leaves it as it is.
  return new Response(robotsTxt(site!), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
