package storage

import (
	"context"
	"database/sql/driver"
	"errors"
)

// Each statement with parameters is prepared once per connection and then
// only executed: PostgreSQL parses and plans it once instead of at every
// call, which was most of the server's work per update (docs/benchmarks.md).
// Statements without parameters keep lib/pq's simple protocol.

// maxCached bounds the statements one connection keeps; the bot's are a
// fixed set of a few dozen, so the bound only guards against a caller that
// builds SQL text from data.
const maxCached = 256

// cachingConnector makes connections that keep their prepared statements.
type cachingConnector struct{ driver.Connector }

func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &cachingConn{pqConn: conn.(pqConn), stmts: map[string]driver.Stmt{}}, nil
}

// pqConn is what database/sql uses of a lib/pq connection.
type pqConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

// cachingConn is a lib/pq connection with its prepared statements.
// database/sql uses a connection from one goroutine at a time, so the map
// needs no lock.
type cachingConn struct {
	pqConn
	stmts map[string]driver.Stmt
}

var _ pqConn = (*cachingConn)(nil)

// stmt returns the statement prepared for query, preparing it the first time.
func (c *cachingConn) stmt(ctx context.Context, query string) (driver.Stmt, bool, error) {
	if st, ok := c.stmts[query]; ok {
		return st, true, nil
	}
	if len(c.stmts) >= maxCached {
		return nil, false, nil
	}
	st, err := c.PrepareContext(ctx, query)
	if err != nil {
		return nil, false, err
	}
	c.stmts[query] = st
	return st, true, nil
}

// forget drops a statement whose execution failed: a failed transaction
// does not hurt a prepared statement, but a changed table can ("cached plan
// must not change result type"); preparing again costs one round trip.
func (c *cachingConn) forget(query string, err error) {
	if st, ok := c.stmts[query]; ok && !errors.Is(err, driver.ErrBadConn) {
		delete(c.stmts, query)
		_ = st.Close()
	}
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if len(args) == 0 {
		return c.pqConn.QueryContext(ctx, query, args)
	}
	st, ok, err := c.stmt(ctx, query)
	if err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return c.pqConn.QueryContext(ctx, query, args)
	}
	rows, err := st.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		c.forget(query, err)
	}
	return rows, err
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if len(args) == 0 {
		return c.pqConn.ExecContext(ctx, query, args)
	}
	st, ok, err := c.stmt(ctx, query)
	if err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return c.pqConn.ExecContext(ctx, query, args)
	}
	res, err := st.(driver.StmtExecContext).ExecContext(ctx, args)
	if err != nil {
		c.forget(query, err)
	}
	return res, err
}

// Close closes the connection; its statements end with it on the server.
func (c *cachingConn) Close() error {
	c.stmts = nil
	return c.pqConn.Close()
}
