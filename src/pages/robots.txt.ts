import { kit } from 'virtual:kit';
import { robotsTxt } from '../kit/output/sitemap.ts';

/** `/robots.txt` of the public site (the AMOs' space writes its own, which keeps every robot out). */
export function GET(): Response {
  // Typed as plain text: the typography middleware leaves it as it is.
  return new Response(robotsTxt(kit.site.url), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
