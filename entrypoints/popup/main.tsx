import { render } from 'preact';
import '@/components/lens.css';
import './popup.css';
import { App, startup } from './App';
import { configureZodForExtension } from '@/lib/zod-setup';

configureZodForExtension();
startup();

render(<App />, document.getElementById('app')!);
