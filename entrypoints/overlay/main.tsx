import { render } from 'preact';
import '@/components/lens.css';
import './overlay.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
