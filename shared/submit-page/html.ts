// The page's markup: landmarks, headings, labelled controls and a polite live region for what
// happens. Text nodes carry `data-t` keys that the script fills in the chosen language; the
// English words here are what a browser without the script shows.
import { MESSAGES } from './messages.ts';

/** A function, not a constant, so a bundle that never writes the page (ingest) leaves it out. */
const indexHtml = (): string => {
  const t = MESSAGES.en;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${t.title} · dualtrack</title>
<link rel="stylesheet" href="style.css">
<script src="app.js" defer></script>
</head>
<body>
<header>
  <p class="brand">dualtrack</p>
  <button type="button" id="lang-switch" lang="fr" aria-label="${t.switchLangLabel}">${t.switchLang}</button>
</header>
<main id="main">
  <h1 data-t="title">${t.title}</h1>
  <p data-t="lead">${t.lead}</p>
  <p id="status" class="status" role="status" aria-live="polite"></p>

  <section id="signed-out" aria-labelledby="sign-in-title" hidden>
    <h2 id="sign-in-title" data-t="signIn">${t.signIn}</h2>
    <p data-t="signInIntro">${t.signInIntro}</p>
    <button type="button" id="sign-in" class="primary" data-t="signIn">${t.signIn}</button>
  </section>

  <div id="signed-in" hidden>
    <p class="who"><span id="who"></span> <button type="button" id="sign-out" class="link" data-t="signOut">${t.signOut}</button></p>

    <section aria-labelledby="template-title">
      <h2 id="template-title" data-t="templateTitle">${t.templateTitle}</h2>
      <p data-t="templateText">${t.templateText}</p>
      <p class="buttons">
        <button type="button" id="template-en" data-lang="en" data-t="templateEn">${t.templateEn}</button>
        <button type="button" id="template-fr" data-lang="fr" data-t="templateFr">${t.templateFr}</button>
      </p>
    </section>

    <section aria-labelledby="upload-title">
      <h2 id="upload-title" data-t="uploadTitle">${t.uploadTitle}</h2>
      <form id="upload-form">
        <div id="drop-zone" class="drop-zone">
          <p data-t="dropHere">${t.dropHere}</p>
          <label for="file" data-t="chooseFile">${t.chooseFile}</label>
          <input type="file" id="file" name="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv">
          <p id="chosen" class="chosen"></p>
        </div>
        <button type="submit" id="upload" class="primary" data-t="upload">${t.upload}</button>
        <div id="progress-row" class="progress-row" hidden>
          <label for="progress" data-t="progressLabel">${t.progressLabel}</label>
          <progress id="progress" max="100" value="0"></progress>
          <span id="progress-text" aria-hidden="true">0%</span>
        </div>
      </form>
    </section>

    <section id="receipt" aria-labelledby="receipt-title" hidden tabindex="-1">
      <h2 id="receipt-title" data-t="receiptTitle">${t.receiptTitle}</h2>
      <p id="verdict" class="verdict"></p>
      <p id="counts"></p>
      <p id="file-line" class="muted"></p>
      <p id="annotated-row" hidden><a id="annotated" href="#" data-t="annotated">${t.annotated}</a></p>
      <div class="table-wrap" id="findings-wrap">
        <table id="findings" class="cards">
          <caption data-t="findingsCaption">${t.findingsCaption}</caption>
          <thead><tr><th scope="col" data-t="colSeverity">${t.colSeverity}</th><th scope="col" data-t="colSheet">${t.colSheet}</th><th scope="col" data-t="colCell">${t.colCell}</th><th scope="col" data-t="colMessage">${t.colMessage}</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <p id="no-findings" hidden data-t="noFindings">${t.noFindings}</p>
    </section>

    <section aria-labelledby="history-title">
      <h2 id="history-title"><span data-t="historyTitle">${t.historyTitle}</span> <button type="button" id="refresh" class="link" data-t="refresh">${t.refresh}</button></h2>
      <p id="history-empty" data-t="historyEmpty" hidden>${t.historyEmpty}</p>
      <div class="table-wrap">
        <table id="history" class="cards" hidden>
          <caption data-t="historyCaption">${t.historyCaption}</caption>
          <thead><tr><th scope="col" data-t="colFile">${t.colFile}</th><th scope="col" data-t="colReceived">${t.colReceived}</th><th scope="col" data-t="colVerdict">${t.colVerdict}</th><th scope="col" data-t="colErrors">${t.colErrors}</th><th scope="col" data-t="colWarnings">${t.colWarnings}</th><th scope="col"><span class="visually-hidden" data-t="show">${t.show}</span></th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
  </div>
</main>
</body>
</html>
`;
};

export { indexHtml };
