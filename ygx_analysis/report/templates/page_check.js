window.addEventListener("load", async () => {
  await document.fonts.ready;
  const width = window.innerWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !clipped(el))
    .slice(0, 10)
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
  const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const noFont = [];
  let cjkNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !cjk.test(node.data) || el.closest("script, style")) continue;
    cjkNodes += 1;
    if (!/YGX/.test(getComputedStyle(el).fontFamily)) {
      noFont.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : "")
                  + ": " + node.data.trim().slice(0, 20));
    }
  }
  const result = {
    cjkNodes: cjkNodes, noFont: noFont.length, noFontSamples: noFont.slice(0, 5),
    ygx: document.fonts.check("16px YGX"),
    loaded: [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/"/g, "")),
    failed: [...document.fonts].filter((f) => f.status === "error").map((f) => f.family.replace(/"/g, "")),
    scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide,
  };
  const out = document.createElement("pre");
  out.id = "ygx-page-check";
  out.hidden = true;  // in the DOM that --dump-dom prints, not in the screenshot
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
