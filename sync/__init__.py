"""The wire: the versioned protocol shared by the server and the client engine, and (later) the
client engine itself and USB bundles. Imports no Qt."""
