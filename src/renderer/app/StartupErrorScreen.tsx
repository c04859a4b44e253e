/** Shown alone when the desk could not start: nothing else would work, so nothing else is shown. */
export function StartupErrorScreen(props: { message: string }) {
  return (
    <main id="main" className="container py-5" tabIndex={-1}>
      <h1 className="h2">Gonfalone non può avviarsi</h1>
      <div className="alert alert-danger" role="alert">
        <p className="mb-2">{props.message}</p>
        <p className="mb-0">
          Il file dei dati non è stato modificato. Rivolgiti all'amministratore di sistema: può ripristinare una copia di sicurezza o
          indicare un'altra cartella dei dati.
        </p>
      </div>
    </main>
  );
}
