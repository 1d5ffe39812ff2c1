import '@/lib/zod-config';
import '@/components/page.css';
import { createRoot } from 'react-dom/client';
import { askPopupQuestions } from '@/components/popup/early';
import { PopupApp } from '@/components/popup/PopupApp';

const questions = askPopupQuestions();
createRoot(document.getElementById('root')!).render(<PopupApp questions={questions} />);
