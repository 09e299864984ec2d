import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../assets/ui.css';
import { createExtensionPlatform } from '../../lib/platform-extension';
import { App } from './app';
import { createPanelCapture } from './panel-capture';

const platform = createExtensionPlatform();
// Live meetings (issue 11): the capture; without it the panel has no "Listen to the meeting".
const capture = createPanelCapture(platform);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App platform={platform} capture={capture} />
  </StrictMode>,
);
