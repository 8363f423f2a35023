import { mount } from '../ui/mount';
import { App } from './App';
import './sidebar.css';

mount('sidebarTitle', <App />);
