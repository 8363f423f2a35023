import { mount } from '../ui/mount';
import { App } from './App';
import '../ui/page.css';

mount('optionsTitle', <App />);
