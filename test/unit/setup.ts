// Dexie runs against a real IndexedDB implementation in Node.
import 'fake-indexeddb/auto';
