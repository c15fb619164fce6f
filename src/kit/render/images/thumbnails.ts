/** Width of a thumbnail file: twice the 238 CSS px it is shown at on the download pages. */
export const THUMBNAIL_WIDTH = 476;

/** WebP quality of a thumbnail, taken straight from the browser: sharp enough for text at 238 CSS px, about 10 KB a page. */
export const THUMBNAIL_QUALITY = 78;
