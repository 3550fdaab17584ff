"""Read-side SQL of the API: plain functions over a Connection, shared by GraphQL, routes and the bench."""
