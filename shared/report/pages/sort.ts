// The main chart's sort control: buttons that reorder the bar groups by name, core or combined
// ratio. Without script the control stays hidden and the chart keeps its name order; with it,
// the buttons appear, each a real <button> (keyboard and screen reader work as for any button,
// aria-pressed says which order is on), and a polite live region says what changed. The script
// is this constant text, inline and allowed by its hash (pages/document.ts).

/** The script; it touches only the elements whose ids and classes the page gives them. */
const SORT_SCRIPT = `(function () {
  var box = document.getElementById('chart-sort');
  var bars = document.querySelector('svg.chart g.bars');
  var said = document.getElementById('chart-sort-status');
  if (!box || !bars || !said) return;
  var top = Number(bars.getAttribute('data-top'));
  var row = Number(bars.getAttribute('data-row'));
  var buttons = Array.prototype.slice.call(box.querySelectorAll('button[data-sort]'));
  var ratio = function (g, by) { var v = g.getAttribute('data-' + by); return v === null || v === '' ? null : Number(v); };
  var rank = function (g) { return Number(g.getAttribute('data-rank')); };
  var sortBy = function (by) {
    var groups = Array.prototype.slice.call(bars.querySelectorAll('g.ally-bar'));
    groups.sort(function (a, b) {
      if (by === 'name') return rank(a) - rank(b);
      var x = ratio(a, by), y = ratio(b, by);
      if (x === null || y === null) return x === y ? rank(a) - rank(b) : x === null ? 1 : -1;
      return y - x || rank(a) - rank(b);
    });
    groups.forEach(function (g, i) { g.setAttribute('transform', 'translate(0,' + (top + i * row) + ')'); bars.appendChild(g); });
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-sort') === by)); });
    var pressed = buttons.filter(function (b) { return b.getAttribute('data-sort') === by; })[0];
    said.textContent = pressed ? pressed.getAttribute('data-said') : '';
  };
  buttons.forEach(function (b) { b.addEventListener('click', function () { sortBy(b.getAttribute('data-sort')); }); });
  box.hidden = false;
})();`;

/** The sort orders the control offers. */
const SORT_ORDERS = ['name', 'core', 'combined'] as const;
type SortOrder = (typeof SORT_ORDERS)[number];

export { SORT_SCRIPT, SORT_ORDERS };
export type { SortOrder };
