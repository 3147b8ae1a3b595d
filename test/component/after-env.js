// Each test starts from an empty page: test-utils' mount() appends and never removes.
afterEach(() => { document.body.innerHTML = '' })
