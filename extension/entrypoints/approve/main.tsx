import { render } from 'preact';
import '../../../shared/ui/theme.css';
import { ApproveApp } from './approve-app';

const root = document.getElementById('app');
const requestId = new URLSearchParams(location.search).get('request') ?? '';
if (root) render(<ApproveApp requestId={requestId} />, root);
