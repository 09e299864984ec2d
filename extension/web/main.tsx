import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../assets/ui.css';
import { App } from '../entrypoints/sidepanel/app';
import { createWebPlatform, webStorageOr } from './web-platform';

// The web cockpit: the side panel's screens, served by the API at `/` (see api/src/server.ts).
const platform = createWebPlatform({
  origin: window.location.origin,
  local: webStorageOr(() => window.localStorage),
  session: webStorageOr(() => window.sessionStorage),
  events: window,
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App platform={platform} />
  </StrictMode>,
);
