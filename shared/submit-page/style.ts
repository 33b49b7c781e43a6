// The page's style sheet: one column that reads at 400 px, text at AA contrast or better (the
// blue #0b4f8a and the reds and greens on white are above 7:1), a visible focus ring, tables
// that scroll inside their box rather than the page.

const STYLE_CSS = `*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#f4f5f7}
header{display:flex;justify-content:space-between;align-items:center;padding:.75rem 1rem;background:#0b2f4f;color:#fff}
.brand{margin:0;font-weight:700;letter-spacing:.02em}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:0 0 .5rem}
section{background:#fff;border-radius:8px;padding:1rem;margin:1rem 0;box-shadow:0 1px 3px #0002}
button{font:inherit;padding:.5rem 1rem;border-radius:4px;border:1px solid #0b4f8a;background:#fff;color:#0b4f8a;cursor:pointer}
button.primary{background:#0b4f8a;color:#fff;font-weight:600}
button.link{border:0;background:none;padding:0 .25rem;text-decoration:underline;font-size:.9em}
header button{border-color:#fff;background:#0b2f4f;color:#fff}
button:disabled{opacity:.6;cursor:not-allowed}
:focus-visible{outline:3px solid #c25e00;outline-offset:2px}
a{color:#0b4f8a}
.buttons{display:flex;flex-wrap:wrap;gap:.5rem}
.drop-zone{border:2px dashed #5a6270;border-radius:8px;padding:1rem;margin-bottom:1rem;background:#fafbfc}
.drop-zone.over{border-color:#0b4f8a;background:#e8f1fa}
.drop-zone label{display:block;font-weight:600;margin:.5rem 0 .25rem}
.drop-zone input{max-width:100%}
.chosen{margin:.5rem 0 0;overflow-wrap:anywhere}
.progress-row{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin-top:1rem}
progress{flex:1 1 12rem;height:1.25rem}
.status{min-height:1.5em;font-weight:600}
.status.error{color:#a4000f}
.who{margin:0 0 .5rem;overflow-wrap:anywhere}
.verdict{display:inline-block;font-size:1.25rem;font-weight:700;padding:.25rem .75rem;border-radius:4px;margin:0 0 .5rem}
.verdict.rejected{color:#8a000d;background:#fde7e9}
.verdict.accepted{color:#1a5c27;background:#e3f4e6}
.verdict.accepted_with_warnings{color:#6b4200;background:#fff1d6}
.muted{color:#4a4f57;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin-top:.5rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #d5d9de}
td{overflow-wrap:anywhere}
th{background:#eef1f4}
td.file-name{font-weight:600}
td.sev-error{color:#8a000d;font-weight:600}
td.sev-warning{color:#6b4200;font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
/* Narrow screens: each table row becomes a small card, each cell labelled by its column. */
@media (max-width:560px){main{padding:.5rem}section{padding:.75rem}h1{font-size:1.4rem}
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards caption{display:block}
table.cards tr{border-bottom:1px solid #d5d9de;padding:.4rem 0}
table.cards td{border:0;padding:.1rem 0}
table.cards td[data-label]:not([data-label=""])::before{content:attr(data-label) ": ";font-weight:600;color:#1b1b1b}}
`;

export { STYLE_CSS };
