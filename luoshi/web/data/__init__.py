"""What the pages show (页面数据): plain data gathered from the store for each page area."""
