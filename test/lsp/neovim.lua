-- Drives Neovim's built-in LSP client against `mtlint lsp`, as a user would: opens the file,
-- attaches the server (Neovim 0.7: vim.lsp.start_client + vim.lsp.buf_attach_client), waits for
-- diagnostics and prints them, puts the cursor on the first one, runs vim.lsp.buf.code_action()
-- and picks an action (vim.ui.select answered here), then writes the file and quits.
-- Environment: MTLINT_NODE, MTLINT_BIN, MTLINT_FILE, MTLINT_OUT (the report), MTLINT_PICK
-- ("first", or the beginning of an action's title).

local out = assert(io.open(os.getenv('MTLINT_OUT'), 'w'))
local function say(line)
  out:write(line, '\n')
  out:flush()
end
local function finish(code)
  out:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local function main()
  local file = os.getenv('MTLINT_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'mtlint',
    cmd = { os.getenv('MTLINT_NODE'), os.getenv('MTLINT_BIN'), 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  })
  if not client_id then
    say('FAIL the client did not start')
    return 3
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    say('FAIL no diagnostics')
    return 4
  end
  local diagnostics = vim.diagnostic.get(bufnr)
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  -- Columns as Neovim has them: bytes into the line (it converts the server's UTF-16 positions).
  for _, d in ipairs(diagnostics) do
    say(string.format('diagnostic %d:%d-%d:%d %s %s', d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.message))
  end

  local pick = os.getenv('MTLINT_PICK')
  vim.ui.select = function(items, _, on_choice)
    local chosen
    for i, item in ipairs(items) do
      local title = item[2].title
      say('action ' .. title)
      if not chosen and (pick == 'first' or title:sub(1, #pick) == pick) then chosen = i end
    end
    if not chosen then
      say('FAIL no action ' .. pick)
      return on_choice(nil)
    end
    say('chosen ' .. items[chosen][2].title)
    on_choice(items[chosen], chosen)
  end

  vim.api.nvim_win_set_cursor(0, { diagnostics[1].lnum + 1, diagnostics[1].col })
  local tick = vim.api.nvim_buf_get_changedtick(bufnr)
  vim.lsp.buf.code_action()
  if not vim.wait(30000, function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end, 20) then
    say('FAIL the code action changed nothing')
    return 5
  end
  -- Write the text as the server left it (Neovim would otherwise add a final newline the file lacks).
  vim.bo.fixendofline = false
  vim.cmd('write')
  say('written')
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
  return 0
end

local ok, code = pcall(main)
if not ok then say('FAIL ' .. tostring(code)) end
finish(ok and code or 6)
