//! gazetag
