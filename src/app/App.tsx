export function App() {
  return (
    <main>
      <h1>Backprop Lab</h1>
      <p>The engine is here; the live lab (network graph, decision boundary, cost curve) comes next.</p>
    </main>
  );
}
