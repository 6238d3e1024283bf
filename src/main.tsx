import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { browserStorage } from './app/browser/browser';
import { readLangParam } from './i18n/langLink';
import { chosenLanguage, startLanguage } from './i18n/languages';
import { loadCatalogGroup, switchLanguage } from './i18n/setup';

// the language is settled (and only its catalog loaded) before the first render
const language = startLanguage(chosenLanguage(browserStorage()), readLangParam(location.search).language, navigator.languages ?? [navigator.language]);
void switchLanguage(language).then(() => {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // the coded messages (a link's notes, a file's problem) follow at once, outside the first render's budget; components re-render when they arrive
  void loadCatalogGroup('errors');
});
