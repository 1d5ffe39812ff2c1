import '@/lib/zod-config';
import '@/components/page.css';
import '@/entrypoints/editor.content/style.css';
import '@/components/shop/shop.css';
import { createRoot } from 'react-dom/client';
import { ShopApp } from '@/components/shop/ShopApp';

createRoot(document.getElementById('root')!).render(<ShopApp />);
