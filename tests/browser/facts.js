// What tests/site_browser.rs checks of a page at one width, gathered in one
// evaluation. SECTIONS is replaced by the handout's section ids, `["id", …]`.
(() => {
  const vw = document.documentElement.clientWidth;
  const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
  // Inside a box that clips or scrolls, overflow is that box's own affair.
  const clipped = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    return false;
  };
  // An element sticks out when it reaches past the viewport's end side (right in
  // LTR, left in RTL); one moved off on the start side (a skip link) scrolls nowhere.
  // Half a pixel is sub-pixel layout, not overflow.
  let overflow = null;
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((rtl ? r.left < -0.5 : r.right > vw + 0.5) && !clipped(e)) {
      const cls = typeof e.className === 'string' && e.className.trim()
        ? '.' + e.className.trim().split(/\s+/).join('.') : '';
      const text = (e.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60);
      overflow = `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${cls}> spans `
        + `${Math.round(r.left)}..${Math.round(r.right)} px: "${text}"`;
      break;
    }
  }
  const sections = {};
  for (const id of SECTIONS) {
    const e = document.getElementById(id);
    if (e && e.closest('main')) sections[id] = {tag: e.tagName.toLowerCase(), text: e.innerText};
  }
  const h1 = document.querySelector('main h1');
  const meta = document.querySelector('meta[name=description]');
  return {
    innerWidth: window.innerWidth,
    clientWidth: vw,
    scrollWidth: document.documentElement.scrollWidth,
    overflow,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
    h1: h1 ? h1.innerText : '',
    body: document.body.innerText,
    sections,
    description: meta ? meta.content : '',
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    pdfs: [...document.querySelectorAll('a[type="application/pdf"]')]
      .map(a => ({href: a.href, inDownloads: !!a.closest('.downloads')})),
    languages: [...document.querySelectorAll('nav a[hreflang]')]
      .map(a => ({href: a.href, hreflang: a.getAttribute('hreflang')})),
  };
})()
