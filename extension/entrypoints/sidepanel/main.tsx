import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/ui.css';
import { createExtensionPlatform } from '../../lib/platform-extension';
import { App } from './app';

const platform = createExtensionPlatform();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App platform={platform} />
  </StrictMode>,
);
