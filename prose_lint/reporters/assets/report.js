// prose-lint HTML report: filter findings by category and severity, link marks and notes.
(function () {
  "use strict";
  const boxes = Array.from(document.querySelectorAll("#filters input[data-filter]"));
  const compact = document.getElementById("compact");
  const notes = Array.from(document.querySelectorAll(".note"));
  const marks = Array.from(document.querySelectorAll("mark.finding"));

  function shown(kind) {
    return new Set(boxes.filter((b) => b.dataset.filter === kind && b.checked).map((b) => b.value));
  }

  function apply() {
    const categories = shown("category");
    const severities = shown("severity");
    const visible = new Set();
    for (const note of notes) {
      const on = categories.has(note.dataset.category) && severities.has(note.dataset.severity);
      note.hidden = !on;
      if (on) visible.add(note.id);
    }
    for (const mark of marks) {
      const shown = mark.dataset.ids.split(" ").filter((id) => visible.has(id));
      mark.classList.toggle("off", shown.length === 0);
      // A passage flagged by two categories takes the colour of one still shown.
      if (shown.length) mark.dataset.colour = document.getElementById(shown[0]).dataset.category;
    }
    for (const line of document.querySelectorAll(".line")) {
      line.classList.toggle("has-visible", line.querySelector(".note:not([hidden])") !== null);
    }
    document.body.classList.toggle("compact", compact !== null && compact.checked);
  }

  function highlight(ids, on) {
    for (const id of ids) {
      const note = document.getElementById(id);
      if (note) note.classList.toggle("active", on);
      for (const mark of document.querySelectorAll('mark[data-ids~="' + id + '"]')) {
        mark.classList.toggle("active", on);
      }
    }
  }

  for (const box of boxes) box.addEventListener("change", apply);
  if (compact) compact.addEventListener("change", apply);
  for (const mark of marks) {
    const ids = mark.dataset.ids.split(" ");
    mark.addEventListener("mouseenter", () => highlight(ids, true));
    mark.addEventListener("mouseleave", () => highlight(ids, false));
  }
  for (const note of notes) {
    note.addEventListener("mouseenter", () => highlight([note.id], true));
    note.addEventListener("mouseleave", () => highlight([note.id], false));
    note.addEventListener("click", () => {
      const mark = document.querySelector('mark[data-ids~="' + note.id + '"]');
      if (mark) mark.scrollIntoView({ block: "center" });
    });
  }
  apply();
})();
