// What "Report Issue" sends: an environment summary and a log excerpt fit for a public issue.
export * from './issue-report';
