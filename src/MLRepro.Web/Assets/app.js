// Progressive enhancement only: every page works without this file.
// 1) Client-side sorting of the current page for table headers that hold a <button class="sort">.
// 2) Copy-to-clipboard buttons: <button class="copy" data-copy="ELEMENT_ID">.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const table of document.querySelectorAll("table.sortable")) {
    const headers = Array.from(table.tHead.rows[0].cells);
    headers.forEach((th, index) => {
      const button = th.querySelector("button.sort");
      if (!button) return;
      button.addEventListener("click", () => {
        const desc = th.getAttribute("aria-sort") !== "descending";
        headers.forEach(h => { if (h.querySelector("button.sort")) h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        const body = table.tBodies[0];
        const key = row => {
          const cell = row.cells[index];
          const holder = cell.querySelector("[data-value]") || cell;
          const v = parseFloat(holder.getAttribute("data-value"));
          return Number.isNaN(v) ? 0 : v;
        };
        Array.from(body.rows)
          .sort((a, b) => (desc ? key(b) - key(a) : key(a) - key(b)))
          .forEach(row => body.appendChild(row));
      });
    });
  }

  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    button.addEventListener("click", async () => {
      const source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) return;
      const text = source.textContent;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        const area = document.createElement("textarea");
        area.value = text;
        document.body.appendChild(area);
        area.select();
        document.execCommand("copy");
        area.remove();
      }
      button.textContent = "Copied";
      button.setAttribute("data-copied", "true");
    });
  }
});
