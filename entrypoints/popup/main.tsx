import '@/lib/zod-config';
import '@/components/page.css';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';

createRoot(document.getElementById('root')!).render(<PopupApp />);
