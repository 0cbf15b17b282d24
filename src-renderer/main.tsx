import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(<div>源选采购工作台</div>)
