import { render } from 'preact';
import '@/components/lens.css';
import './options.css';
import { App } from './App';
import { configureZodForExtension } from '@/lib/zod-setup';

configureZodForExtension();

render(<App />, document.getElementById('app')!);
