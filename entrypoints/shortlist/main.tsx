import { render } from 'preact';
import '@/components/lens.css';
import './shortlist.css';
import { App } from './App';
import { configureZodForExtension } from '@/lib/zod-setup';

configureZodForExtension();

render(<App />, document.getElementById('app')!);
