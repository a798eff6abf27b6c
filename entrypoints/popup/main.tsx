import '@/components/lens.css';
import './popup.css';
// First in the module graph: evaluating ./begin starts the popup's reads, before the views, the
// schemas and zod below are evaluated.
import './begin';
import { mount } from './mount';

void mount(document.getElementById('app')!);
