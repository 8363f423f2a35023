import { markOnce } from './timing';
markOnce('script');
import { mount } from '../ui/mount';
import { App } from './App';
import './sidebar.css';

mount('sidebarTitle', <App />);
