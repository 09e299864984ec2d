import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConnectionStatus } from './connection-status';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 16 }}>
      <h1 style={{ fontSize: 20, margin: '0 0 12px' }}>Sufler</h1>
      <ConnectionStatus />
    </main>
  </StrictMode>,
);
